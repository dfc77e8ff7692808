import './styles/main.css';
import { startApp } from './app';

startApp();
